// The photo chunk (baton-chat-photos.js), loaded on the first press of the attach button: picking up
// to three photos, previews with remove, downscaling in the browser when it can decode the file
// (canvas → JPEG, ≤ 2048 px: a phone's 10 MB photo crosses the App Proxy as a few hundred KB), the
// upload with progress, and its errors. What the browser cannot decode (HEIC outside Safari) is
// sent as it is: the server checks and converts every format itself (README "Photos").
import { photoWords } from "./photo-words";
import type { PhotoApi, PhotoHost, PhotoMessage } from "./photo-button";

const MAX_PICK = 3;
const MAX_BYTES = 10 * 1024 * 1024;
const MAX_EDGE = 2048;
const ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif";
const TYPES = /^image\/(jpeg|png|webp|hei[cf])$/;
const NAMES = /\.(jpe?g|png|webp|hei[cf])$/i;

const CSS =
  ".pa:hover{background:#f1f1f1}.pt{margin:0 12px;padding-top:8px}.pl{display:flex;gap:8px;margin:0;padding:0;list-style:none}" +
  ".pl li{position:relative;flex:none;width:64px}" +
  ".pl img,.pn{display:block;width:64px;height:64px;object-fit:cover;border-radius:8px;border:1px solid #c9c9c9}" +
  ".pn{display:grid;place-items:center;font-size:11px;overflow:hidden;text-align:center;word-break:break-all;background:#f6f6f7}" +
  ".pr{position:absolute;top:-8px;right:-8px;width:24px;height:24px;padding:0;border:0;border-radius:50%;background:#303030;color:#fff;cursor:pointer}" +
  ".pp,.pe{margin:6px 0 0;font-size:13px}.pe{color:#8a1c1c}.pp:empty,.pe:empty{display:none}";

type Picked = { blob: Blob; name: string; url: string | null };

(window as unknown as { BatonChat?: { _f?(mount: (host: PhotoHost) => PhotoApi): void } }).BatonChat?._f?.(mount);

function mount(host: PhotoHost): PhotoApi {
  const { h, tray } = host;
  const w = photoWords(host.locale);
  const say = (text: string, vars: Record<string, string | number> = {}) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ""));
  const picked: Picked[] = [];
  let uploading = false;
  const list = h("ul", { class: "pl" });
  const progress = h("p", { class: "pp", role: "status" });
  const alert = h("p", { class: "pe", role: "alert" });
  const file = h("input", { type: "file", accept: ACCEPT, multiple: "", hidden: "", tabindex: "-1", "aria-hidden": "true" }) as HTMLInputElement;
  tray.append(h("style", {}, CSS), list, progress, alert, file);

  file.addEventListener("change", async () => {
    const files = [...(file.files || [])];
    file.value = "";
    alert.textContent = "";
    for (const f of files) {
      if (picked.length >= MAX_PICK) {
        alert.textContent = w.max;
        break;
      }
      if (!TYPES.test(f.type) && !NAMES.test(f.name)) {
        alert.textContent = say(w.type, { name: f.name });
        continue;
      }
      const blob = await downscale(f);
      if (blob.size > MAX_BYTES) {
        alert.textContent = say(w.size, { name: f.name });
        continue;
      }
      picked.push({ blob, name: f.name, url: blob !== f || /^image\/(jpeg|png|webp)$/.test(f.type) ? URL.createObjectURL(blob) : null });
    }
    render();
    host.focusInput();
  });

  function render() {
    tray.hidden = picked.length === 0 && !alert.textContent && !progress.textContent;
    list.replaceChildren(
      ...picked.map((p, i) => {
        const label = say(w.item, { n: i + 1, name: p.name });
        const remove = h("button", { type: "button", class: "pr", "aria-label": say(w.remove, { n: i + 1 }) }, "×");
        remove.onclick = () => {
          picked.splice(i, 1);
          if (p.url) URL.revokeObjectURL(p.url);
          render();
          host.focusInput();
        };
        return h("li", {}, p.url ? h("img", { src: p.url, alt: label }) : h("span", { class: "pn" }, label), remove);
      }),
    );
  }

  return {
    pick() {
      if (picked.length >= MAX_PICK) {
        alert.textContent = w.max;
        tray.hidden = false;
        return;
      }
      file.click();
    },
    count: () => picked.length,
    needText() {
      alert.textContent = w.first;
      tray.hidden = false;
    },
    async upload(conversationId, show) {
      if (uploading) return false;
      uploading = true;
      try {
        return await uploadAll(conversationId, show);
      } finally {
        uploading = false;
      }
    },
  };

  async function uploadAll(conversationId: string, show: Parameters<PhotoApi["upload"]>[1]): Promise<boolean> {
    {
      alert.textContent = "";
      const total = picked.length;
      for (let n = 1; picked.length; n++) {
        const p = picked[0]!;
        progress.textContent = say(w.uploading, { n, m: total });
        tray.hidden = false;
        const res = await send(`${host.proxy}/chat/photos?conversationId=${encodeURIComponent(conversationId)}`, p.blob, (share) => {
          progress.textContent = `${say(w.uploading, { n, m: total })} ${Math.round(share * 100)}%`;
        });
        if (!res || res.status !== 200 || !res.message) {
          progress.textContent = "";
          // A refused photo is dropped (another may be picked); a network failure keeps it for the next send.
          if (res && res.status >= 400 && res.status < 500 && res.status !== 429) {
            picked.shift();
            alert.textContent = w.refused;
          } else alert.textContent = w.failed;
          render();
          return false;
        }
        picked.shift();
        show(res.message, p.url || `${host.proxy}/chat/photos?conversationId=${encodeURIComponent(conversationId)}&id=${res.message.photo.id}&size=thumb`);
        render();
      }
      progress.textContent = w.sent;
      setTimeout(() => {
        if (progress.textContent === w.sent) progress.textContent = "";
        render();
      }, 3000);
      return true;
    }
  }
}

/** A JPEG of at most MAX_EDGE px drawn by the browser (orientation applied), or the file itself when it cannot decode it. */
async function downscale(f: File): Promise<Blob> {
  try {
    const bitmap = await createImageBitmap(f, { imageOrientation: "from-image" });
    const scale = Math.min(1, MAX_EDGE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const g = canvas.getContext("2d")!;
    g.fillStyle = "#fff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.85));
    return blob && blob.size < f.size ? blob : f;
  } catch {
    return f;
  }
}

/** One upload with progress (fetch has no upload progress); null when the network failed. */
function send(url: string, blob: Blob, onProgress: (share: number) => void): Promise<{ status: number; message?: PhotoMessage } | null> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("Content-Type", TYPES.test(blob.type) ? blob.type : "application/octet-stream");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let message: PhotoMessage | undefined;
      try {
        message = (JSON.parse(xhr.responseText) as { message?: PhotoMessage }).message;
      } catch {
        // not JSON: a proxy's error page
      }
      resolve({ status: xhr.status, message });
    };
    xhr.onerror = xhr.ontimeout = () => resolve(null);
    xhr.send(blob);
  });
}
