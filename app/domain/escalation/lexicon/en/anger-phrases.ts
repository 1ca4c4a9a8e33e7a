import { either, oneOf } from "../compile";
import type { Lexicon } from "../lexicon";

export const EN_ANGER_PHRASES: Pick<Lexicon, "angerPhrases"> = {
  // anger phrases with their weight (sentiment.ts)
  angerPhrases: [
    [
      "\\b" +
        oneOf(
          "fed up",
          "sick and tired",
          "had enough",
          "(?:so|really|fucking|absolutely|getting|am|i am) (?:sick|tired) of",
          "sick of (?:this|it|you|your|waiting|his|her|their|the|people|being|hearing|dealing)",
          "tired of (?:this|waiting|your|you)",
          "do your (?:fucking |damn |god damn )?job",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "how dare",
          "are you (?:kidding|serious|joking)",
          "you have got to be kidding",
          "give me a break",
          "for (?:fuck|god|christ|pete) sake",
          "what the (?:fuck|hell|heck)",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "pissed off",
          "piss off",
          "screw (?:you|this|that|them)",
          "fuck " + oneOf("you", "off", "this", "that", "them", "your", "him", "her", "name", "everyone", "everything", "whoever", "these", "those", "all"),
          "go to hell",
          "shut (?:the (?:fuck|hell) |tf |your (?:mouth|face) )?up",
          "stfu",
          "hate (?:you|this|it|your|them|that|everything|him|her|people|when)",
        ) +
        "\\b",
      0.85,
    ],
    [
      "\\b" +
        oneOf(
          "get (?:the (?:fuck|hell) )?out(?: of here)? (?:with|now)",
          "get the (?:fuck|hell) out",
          "(?:god ?)?dam(?:n|mit)? it",
          "blood boil\\w*",
          "boils? my blood",
          "pisses me off",
          "pissing me off",
          "makes me (?:sick|furious|livid)",
          "(?:do not|never) tell me what to do",
          "i (?:will|would|am going to|could) (?:\\w+ )?(?:kill|strangle|punch|slap|murder) (?:you|him|her|them|someone|somebody)",
          oneOf("you", "what a", "such a", "you are a", "you are an", "you are such a", "you are the") +
            " (?:\\w+ )?" +
            oneOf(
              "idiots?",
              "morons?",
              "clowns?",
              "jerks?",
              "losers?",
              "assholes?",
              "bastards?",
              "hypocrites?",
              "cucks?",
              "freaks?",
              "scum\\w*",
              "trash",
              "donut",
              "dumbass",
              "pieces? of (?:shit|garbage|trash|work)",
            ),
        ) +
        "\\b",
      0.75,
    ],
    // violence aimed at a person ("kill her", "smack him", "kick it in the balls")
    [
      either(
        "\\b" +
          oneOf("kill", "smack", "punch", "slap", "strangle", "stab", "shoot", "beat", "choke", "kick") +
          " " +
          oneOf("him", "her", "them", "you", "that (?:guy|woman|man|bitch|bastard)") +
          "\\b",
        "\\bkick (?:\\w+ ){1,3}in the (?:balls|nuts|teeth|face)\\b",
      ),
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "i (?:really |just |fucking |absolutely |so )?(?:hate|loathe|despise|detest|can not stand)",
          "(?:is|are) (?:such )?(?:trash|garbage|the worst|disgusting|gross|pathetic)",
          "sick freaks?",
          "arrogan(?:t|ce)",
        ) +
        "\\b",
      0.65,
    ],
    [
      "\\b" +
        oneOf(
          oneOf("so", "really", "very", "extremely", "getting", "am", "is", "are", "makes me", "made me", "make me", "feel", "feeling", "i was", "that") +
            " mad",
          "mad (?:at|about|that|because|as hell)",
        ) +
        "\\b",
      0.7,
    ],
    [
      "\\b" +
        oneOf(
          "drives? me (?:crazy|nuts|insane|mad)",
          "driving me (?:crazy|nuts|insane|mad)",
          "losing my (?:mind|patience|temper)",
          "lost my patience",
          "out of patience",
          "at my wits end",
        ) +
        "\\b",
      0.75,
    ],
    [
      "\\b" +
        oneOf(
          "waste of (?:time|money)",
          "wasted my (?:time|money)",
          "rip ?off",
          "ripped (?:me )?off",
          "this is a joke",
          "a complete joke",
          "a total joke",
          "joke of a",
        ) +
        "\\b",
      0.7,
    ],
    ["\\bwhat a joke\\b", 0.5],
    ["\\b" + oneOf("worst (?:service|company|experience|customer|store|shop|purchase|ever)", "never (?:again|buying|ordering|shopping)") + "\\b", 0.75],
  ],
};
