/**
 * Which left-out files each block saved by `train:detector --loso --save-blocks` is tested on: a block
 * named after a family left that family out of training; one named after a file left that file out
 * while its family's other files stayed in ("in kind"). Read by sweep-blocks.ts and eval-blocks.ts.
 */
export const BLOCK_FILES: Readonly<Record<string, string[]>> = {
  bitext: ["bitext_20k.jsonl", "bitext_8k.jsonl"],
  banking77: ["banking77_train.jsonl"],
  goemotions: ["goemotions_dev.jsonl", "goemotions_train.jsonl"],
  tweeteval: ["tweeteval_emotion.jsonl", "tweeteval_sentiment.jsonl"],
  "bitext_8k.jsonl": ["bitext_8k.jsonl"],
  "goemotions_dev.jsonl": ["goemotions_dev.jsonl"],
  "tweeteval_emotion.jsonl": ["tweeteval_emotion.jsonl"],
};
