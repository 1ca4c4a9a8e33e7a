// Japanese hand-off claims (see ../claims.ts).
import { oneOf } from "../../escalation/lexicon/compile";

// Japanese has no word boundaries or case: patterns on the raw (folded) text.
export const HANDOFF_JA: RegExp[] = [
  new RegExp(
    oneOf("担当", "スタッフ", "チーム", "サポート", "専門", "係", "窓口", "人間", "オペレーター") +
      "[^。！？]{0,20}" +
      oneOf("転送", "連絡", "エスカレーション", "引き継", "引継", "伝え", "共有", "報告", "通知", "回し", "つなぎ", "繋ぎ") +
      oneOf("し", "いたし", "させていただき", "され") +
      "?" +
      oneOf("ました", "ております", "ています", "済み", "ておきました"),
  ),
  new RegExp(
    oneOf("転送", "エスカレーション", "引き継ぎ", "引継ぎ", "通知", "報告") + oneOf("しました", "いたしました", "済み", "されました", "させていただきました"),
  ),
  new RegExp(
    "(?:から|より)[^。！？]{0,10}" +
      oneOf("ご連絡", "連絡", "メール", "ご返信", "返信") +
      oneOf("いたします", "します", "させていただきます", "があります", "が届きます", "差し上げます"),
  ),
  new RegExp(
    oneOf("チケット", "ケース", "問い合わせ") +
      "[^。！？]{0,10}" +
      oneOf("作成", "発行", "登録", "起票") +
      oneOf("しました", "されました", "いたしました", "済み"),
  ),
];
