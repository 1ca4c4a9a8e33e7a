// Problem families carried by the voice of the post: the problem again, sarcasm, flat dissatisfaction, a complaining "why"
// (issue 26, sixth to eighth passes; decisions 0087–0089). How they are read: public-problem-report.ts.
import { either, oneOf } from "../lexicon";
import { NUMBER } from "./amounts";

export const VOICE_FAMILIES: Record<string, RegExp> = {
  // the problem again
  again: new RegExp(
    either(
      "\\bagain\\b",
      "\\b(?:for )?the (?:second|third|fourth|fifth|\\d+(?:st|nd|rd|th)) time\\b",
      "\\b(?:second|third|fourth|fifth|another) (?:outage|time|day|week|morning|night) (?:this|in a row|of|that)\\b",
      "\\bin a row\\b",
      "\\bevery (?:single )?time\\b",
      `\\b${NUMBER} times? (?:\\w+ ){0,2}?(?:today|this (?:week|month|year|morning)|in (?:a|one|two) (?:day|week|month)|now|already)\\b`,
    ),
  ),
  // praise that names what went wrong, said to the company (seventh pass): "thanks for the 4am cancellation text",
  // "love being told to call back later", "paid for early boarding just to wait on a bus", "great job losing my bag",
  // "customer service at its finest";
  // thanks for a fix ("thanks for rebooking me after the cancellation") names the fix, not the problem, and is not it
  sarcasm: new RegExp(
    either(
      "\\b(?:thanks|thank you|thank u|thx) (?:so much |a lot )?for (?:the |another |a |an |my |all the )?(?:\\w+ ){0,2}?" +
        oneOf("cancel\\w*", "delay\\w*", "nothing", "losing", "lost", "ruining", "stranding", "overbooking", "bumping", "overcharging", "the runaround") +
        "\\b",
      "\\b(?:love|loving|gotta love|got to love|nothing like|enjoying) " +
        oneOf(
          "being told",
          "being on hold",
          "being stuck",
          "paying \\d+",
          "paying for",
          "waiting",
          "sitting on",
          "standing in",
          "getting bumped",
          "getting charged",
        ) +
        "\\b",
      "\\bjust to (?:wait|sit|stand|be told|get bumped|be charged|find out)\\b",
      "\\b(?:great|good|nice|awesome|amazing|fantastic|stellar) (?:job|work) (?:\\w+ ){0,2}?(?:losing|cancel\\w*|delaying|ruining|breaking)\\b",
      "\\bhope (?:the|your|it|that|this) (?:\\w+ ){0,6}(?:was|were|is) worth it\\b",
      "\\bcool cool\\b",
      "\\bat (?:its|it s|their) finest\\b",
      // eighth pass: "kinda amazing how every flight with you is 2 hrs late"
      "\\b(?:amazing|impressive|incredible|funny|love|great|wild) how (?:every|you|your|u|they|my|our|each|always)\\b",
    ),
  ),
  // dissatisfaction said flatly, where the negation hides the tone from AFINN (seventh pass): "not good enough",
  // "not happy", "this is a joke"
  dissatisfied: new RegExp(
    either(
      "\\bnot " +
        oneOf("happy(?! hour)", "impressed", "ok", "okay", "cool", "good enough", "acceptable", "fair", "right", "how you treat", "what i paid for") +
        "\\b",
      "\\b(?:is|was|are|were) (?:such |an absolute |a complete |a total )?(?:a )?joke\\b",
      // a reply to the company's support that its answer did not do: "that doesn't help", "not what I was told",
      // "I already tried that", "you could have told us sooner"
      "\\b(?:that|this|it|which) (?:does not|did not|is not|will not|would not) (?:really |even )?help\\b",
      "\\bnot what (?:i|we) (?:was|were) (?:told|promised|quoted)\\b",
      "\\b(?:i|we) (?:already |have already |already have )?(?:tried|did) that\\b",
      "\\b(?:could|should|might) have (?:told|warned|informed|let) (?:us|me)\\b",
      // eighth pass: "what did I pay for", "not even a sorry", staff who "rolled her eyes" or "laughed when I asked", "is
      // it just me or…", "can't believe I need to go to a branch", "bring back the old one"
      "\\bwhat (?:did|am|are) (?:i|we) (?:even )?(?:pay|paid|paying) for\\b",
      "\\b(?:not even|without even|never got|no) (?:a|an) (?:sorry|apology|explanation)\\b",
      "\\b(?:rolled (?:her|his|their) eyes|(?:laughed|scoffed|smirked|yelled|shouted|screamed) (?:at (?:me|us)|when (?:i|we)))\\b",
      "^ is it (?:just|only) me or\\b",
      "\\bcan not believe (?:(?:i|we) (?:have|had|need|needed|got|was|were)|you|they|it|this|that|my|our|the)\\b",
      // eighth pass: what the writer did that should have been enough ("even though i checked in at 24 hrs", "after i
      // updated it twice"), a decision with no reason ("rejected w/o any reason", "cancelled my flight without telling
      // me"), and "is anyone actually working the desk"
      "\\b(?:even though|although|after|despite) (?:i|we) (?:\\w+ )?(?:checked|paid|booked|ordered|called|updated|changed|told|followed|sent|" +
        "returned|confirmed|cancelled|canceled|emailed|reported|asked|filled)\\b",
      "\\b(?:rejected|denied|declined|refused|cancel(?:l)?ed|removed|pulled|banned|suspended|closed|blocked|charged) (?:\\w+ ){0,4}?" +
        "(?:without|with no|for no|with o) (?:any |a |an )?(?:reason|explanation|notice|warning|telling|notifying|informing|asking)\\b",
      "^ (?:is|are) (?:anyone|anybody|someone|somebody|you) (?:actually |even |still )?(?:working|there|home|awake|listening|reading|answering|monitoring)\\b",
      "\\bbring back the (?:old|original|previous)\\b",
    ),
  ),
  // a "why" about the writer's own case, asked of the company, reports a problem by itself (seventh pass): "why was I
  // charged twice", "why does my account keep logging out", "why did you close my card"; "why not add a sleep timer",
  // "why is the sky blue" and "why do you stock that brand" do not
  "why about mine": new RegExp(
    either(
      "^ why (?!(?:not|do not (?:you|we))\\b)(?:is|are|was|were|do|does|did|would|can|will|has|have|should|am|is not|are not|does not|" +
        "do not|did not|can not|will not|would not|has not|have not)\\b(?:\\s\\S+){0,8}?\\s(?:i|my|me|we|our|(?<!the )us)\\b",
      "^ (?:how is it possible|how come)\\b",
      "\\bnever (?:again|flying|fly|ordering|order|buying|buy|shopping|using|booking|going back|coming back)(?: (?:with|from|at) (?:you|u))?\\b",
    ),
  ),
  // a question that complains: "why does the app keep signing me out", "how is my package still in memphis"
  "why question": new RegExp(
    either(
      "^ why (?!(?:not|do not (?:you|we))\\b)",
      "^ how (?:is|are|does|can|did|has|come|on earth) (?!i\\b|we\\b|you\\b(?! (?:still|not)))",
      "^ (?:is|will) (?:anyone|anybody|someone|somebody) (?:going to|ever|at|from)\\b",
      "^ when will (?:someone|anyone|i|we|my|our)\\b",
    ),
  ),
};
