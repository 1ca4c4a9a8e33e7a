import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { committedModel, committedWordVectors } from "~/domain/escalation/model/committed-model";
import { decodeModel, type DetectorModel, type DetectorModelAsset } from "~/domain/escalation/model/detector-model";

/**
 * The model a scoring script judges with: `--rules-only` none, `--model=FILE.json` a saved leave-out block
 * (`train:detector --loso --save-blocks=DIR`), otherwise the committed one.
 */
export function modelFromArgs(args: readonly string[]): DetectorModel | null {
  if (args.includes("--rules-only")) return null;
  const modelPath = args.find((a) => a.startsWith("--model="))?.split("=")[1];
  return modelPath ? decodeModel(JSON.parse(readFileSync(resolve(modelPath), "utf8")) as DetectorModelAsset, committedWordVectors()) : committedModel();
}
