import { either, gather, oneOf, wordsPattern } from "../lexicon";
import { SHOP_OBJECT } from "../shop-vocabulary";
import type { Rule } from "./rule";

// Strong complaint rules, part two: wrong, damaged, missing or faulty items; late, cancelled or
// charged orders; service breakdowns (unanswered emails, hours on hold).
export const PRODUCT_AND_SERVICE_RULES: Rule[] = [
  // wrong, damaged, missing, defective
  {
    kind: "wrong_item",
    score: 0.85,
    pattern: new RegExp(
      either(
        "\\b(?:wrong|incorrect|different) " +
          oneOf("item", "size", "colou?r", "product", "order", "package", "thing", "model", "style", "version", "shoes", "parcel", "book", "variant") +
          "s?\\b",
        "\\b" + oneOf("sent", "shipped", "delivered", "received", "got", "gave", "give") + " (?:me |us )?(?:the |a |an )?(?:wrong|incorrect)\\b",
        "\\bnot (?:the )?(?:item|product|one|thing|size|colou?r)s? i (?:ordered|bought|paid for)\\b",
        "\\bnot what i (?:ordered|paid for|bought)\\b",
      ),
    ),
  },
  {
    kind: "damaged",
    score: 0.85,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" +
        oneOf("arrived", "arrives", "came", "come", "comes", "was", "were", "is", "are", "got here", "showed up", "delivered", "received it", "got it") +
        " " +
        oneOf("completely ", "totally ", "all ", "badly ", "already ", "severely ", "just ") +
        "?" +
        oneOf(
          "damaged",
          "broken",
          "smashed",
          "crushed",
          "cracked",
          "ripped",
          "torn",
          "defective",
          "faulty",
          "dented",
          "leaking",
          "leaked",
          "dirty",
          "stained",
          "scratched",
          "expired",
          "rotten",
          "spoiled",
          "moldy",
          "mouldy",
          "melted",
          "shattered",
          "destroyed",
          "ruined",
          "bent",
          "wet",
          "soaked",
          "missing parts",
          "in pieces",
        ) +
        "\\b",
    ),
  },
  {
    kind: "damaged",
    score: 0.8,
    pattern: new RegExp(
      either(
        "\\b" +
          oneOf(
            "damaged",
            "broken",
            "smashed",
            "crushed",
            "cracked",
            "defective",
            "faulty",
            "dented",
            "leaking",
            "shattered",
            "torn",
            "ripped",
            "expired",
            "used",
            "opened",
          ) +
          " " +
          SHOP_OBJECT +
          "\\b",
        "\\b" +
          SHOP_OBJECT +
          " (?:is |was |are |were |arrived |came )?" +
          oneOf("damaged", "broken", "smashed", "crushed", "cracked", "defective", "faulty", "shattered") +
          "\\b",
      ),
    ),
  },
  {
    kind: "damaged",
    score: 0.8,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" + oneOf("arrived", "came", "delivered", "received it", "got it", "was sent", "were sent") + " (?:already |clearly )?(?:used|opened|worn)\\b",
    ),
  },
  // "it arrived broken" in other languages (`arrivedDamaged`)
  { kind: "damaged", score: 0.85, pattern: wordsPattern(gather((l) => l.arrivedDamaged)) },
  {
    kind: "missing_item",
    score: 0.8,
    pattern: new RegExp(
      either(
        "\\b(?:missing|forgot|left out) (?:an |one |two |some |the |a )?" +
          oneOf("items?", "parts?", "pieces?", "products?", "things?", "accessor(?:y|ies)") +
          "\\b",
        "\\b(?:items?|parts?|pieces?|products?) (?:is |are |was |were )?missing\\b",
        "\\bmissing from (?:my |the )?" + SHOP_OBJECT + "\\b",
        "\\b" + SHOP_OBJECT + " (?:was|is|came|arrived) (?:empty|incomplete|half empty)\\b",
        "\\bonly (?:got|received) (?:one|two|half|part)\\b",
      ),
    ),
  },
  // it does not work / not as described
  {
    kind: "quality",
    score: 0.75,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:stopped|stops|quit) working\\b",
        "\\b" +
          oneOf(
            "it",
            "this",
            "they",
            "these",
            "those",
            "mine",
            "that one",
            SHOP_OBJECT,
            "internet",
            "wifi",
            "wi fi",
            "service",
            "app",
            "website",
            "site",
            "connection",
            "signal",
            "tv",
            "cable",
            "charger",
            "battery",
            "screen",
            "zipper",
            "printer",
            "machine",
            "device",
          ) +
          " (?:\\w+ )?" +
          oneOf("does", "did", "do", "will", "would", "is", "was", "are", "has", "have", "keeps?") +
          " not " +
          oneOf("work", "working", "fit", "fitting", "turn on", "charge", "charging", "function", "close", "zip", "hold", "stay", "load", "connect", "start") +
          "\\b",
        "\\bnot as (?:described|advertised|pictured|shown|expected)\\b",
        "\\b(?:fell|falling|came|coming) apart\\b",
        "\\bbroke (?:after|within|on the first|in (?:a|one|two|the first))\\b",
        "\\b" +
          oneOf("poor", "cheap", "low", "bad", "terrible", "horrible", "awful", "shoddy", "crap", "crappy") +
          " " +
          oneOf("quality", "material", "materials", "workmanship", "product") +
          "\\b",
        "\\b(?:knock ?off|counterfeit|fake product|rip ?off)\\b",
      ),
    ),
  },
  // late, cancelled, charged
  {
    kind: "delay",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      "\\b" +
        oneOf("ordered", "order(?:ed)? (?:it|this|them)", "paid", "bought", "purchased", "placed (?:my|an|the) order", "waiting", "been waiting", "waited") +
        " " +
        oneOf("it ", "this ", "them ", "for it ", "for (?:my|the) (?:order|package|parcel|delivery) ") +
        "?" +
        oneOf("over ", "more than ", "almost ", "nearly ", "about ", "like ", "for ", "since ") +
        "*" +
        oneOf("\\d+", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "a few", "few") +
        " (?:business )?(?:days?|weeks?|months?)\\b(?: (?:ago|now|already))?(?:[^a-z]+| and | but )*" +
        oneOf("(?:still|and still|yet|never|nothing|no |not|where)\\b", "it (?:has|hasn)", "have not", "has not", "is not here"),
    ),
  },
  {
    kind: "delay",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:weeks?|months?|days?) " +
          oneOf(
            "late",
            "overdue",
            "past (?:the )?(?:due|delivery|estimated)",
            "and still (?:no|not|nothing|waiting)",
            "and nothing",
            "and no (?:sign|update|response|reply|package|order|delivery)",
          ) +
          "\\b",
        "\\b(?:still|been) " + oneOf("waiting", "have not (?:heard|received|got)", "has not (?:arrived|shipped|been shipped|moved|updated)") + "\\b",
      ),
    ),
  },
  {
    kind: "delay",
    score: 0.65,
    pattern: new RegExp(
      "\\b" +
        oneOf("order", "package", "parcel", "delivery", "shipment", "tracking") +
        " " +
        oneOf("has not", "have not", "did not", "is not", "was not", "not") +
        " (?:been )?" +
        oneOf("shipped", "moved", "updated", "sent", "dispatched", "processed") +
        "\\b",
    ),
  },
  {
    kind: "cancelled",
    score: 0.7,
    pattern: new RegExp(
      either(
        "\\b" +
          oneOf("you", "they", "u", "store", "shop", "seller", "somebody", "someone") +
          " (?:\\w+ )?(?:cancelled|canceled) (?:my|our|the) (?:order|purchase|subscription|delivery)\\b",
        "\\b(?:my|our) (?:order|purchase) (?:was|got|has been|had been) (?:cancelled|canceled) (?:without|for no|and no)\\b",
      ),
    ),
  },
  {
    kind: "charged",
    score: 0.7,
    needsShopContext: true,
    pattern: new RegExp(
      either(
        "\\b(?:charged|billed) (?:me )?" +
          oneOf("twice", "double", "two times", "three times", "again", "the wrong amount", "too much", "extra", "more than") +
          "\\b",
        "\\bdouble (?:charged|billed|charge)\\b",
        "\\bovercharged\\b",
        "\\b(?:took|taken|take) (?:my )?money (?:but|and) (?:\\w+ )?(?:no|never|nothing|not)\\b",
      ),
    ),
  },
  // service breakdowns: unanswered emails, hours on hold
  {
    kind: "service",
    score: 0.7,
    pattern: new RegExp(
      "\\b" +
        oneOf(
          "no (?:one|body) (?:has |have |will |is )?" +
            oneOf("replied", "responded", "answered", "got back", "called", "emailed", "helped", "help", "answer", "respond", "reply", "contacted"),
          "nobody (?:replied|responded|answered|helps|cares)",
          "(?:no|zero|never got (?:a|any)) " + oneOf("response", "reply", "answer", "callback", "call back") + "s? (?:from|to|yet|after|since|in)",
          oneOf("emailed", "called", "messaged", "contacted", "written to", "wrote to") +
            " (?:you |your \\w+ )?(?:\\w+ )?" +
            oneOf("times", "twice", "several times", "multiple times", "repeatedly"),
          "(?:hours?|minutes?|days?) on hold",
          "been on hold",
          "ignor(?:ing|ed) (?:me|my)",
          "keep (?:getting|being) (?:ignored|transferred|passed|sent)",
        ) +
        "\\b",
    ),
  },
];
