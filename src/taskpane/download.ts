/**
 * Clipboard and file download from the pane.
 *
 * Downloads are unreliable inside Office's webviews: blob downloads are not supported in EdgeHTML
 * or WebView2 ("Get errors trying to download a PDF file", Browsers and webview controls used by
 * Office Add-ins), the Mac webview ignores them by design (OfficeDev/office-js#2700), and
 * msSaveOrOpenBlob is missing in the Edge webview (OfficeDev/office-js#1006). The async Clipboard
 * API can be blocked by the permissions policy of Office's iframe (OfficeDev/office-js#1991, #3480),
 * while a copy event started by the user's click is not. So the pane copies rich text (HTML with
 * h1/h2/p, which Word pastes as headings) through the copy event first, and offers the .docx
 * download only where a browser handles it.
 */

export interface ClipboardContent {
  text: string;
  /** Optional HTML flavour (kept by Word, WPS and mail clients on paste). */
  html?: string;
}

/** Copy; resolves to 'rich' when the HTML flavour went along, 'text' when only plain text did. */
export async function copyContent(content: ClipboardContent): Promise<'rich' | 'text'> {
  if (copyWithEvent(content)) return content.html ? 'rich' : 'text';
  const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (content.html && clip?.write && typeof ClipboardItem !== 'undefined') {
    try {
      await clip.write([
        new ClipboardItem({
          'text/html': new Blob([content.html], { type: 'text/html' }),
          'text/plain': new Blob([content.text], { type: 'text/plain' }),
        }),
      ]);
      return 'rich';
    } catch {
      // blocked by the webview's permissions policy: try plain text below
    }
  }
  try {
    if (clip?.writeText) {
      await clip.writeText(content.text);
      return 'text';
    }
  } catch {
    // fall through
  }
  throw new Error('无法写入剪贴板：此环境不允许加载项使用剪贴板。请用「写入工作表」，再从工作表复制。');
}

export async function copyText(text: string): Promise<void> {
  await copyContent({ text });
}

/** document.execCommand('copy') with our data set in the copy event (must run inside the click). */
function copyWithEvent(content: ClipboardContent): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  let set = false;
  const onCopy = (e: ClipboardEvent): void => {
    if (!e.clipboardData) return;
    e.clipboardData.setData('text/plain', content.text);
    if (content.html) e.clipboardData.setData('text/html', content.html);
    e.preventDefault();
    set = true;
  };
  // Some engines fire the copy event only with a selection: select a hidden textarea.
  const area = document.createElement('textarea');
  area.value = content.text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.addEventListener('copy', onCopy);
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  } finally {
    document.removeEventListener('copy', onCopy);
    document.body.removeChild(area);
  }
  return ok && set;
}

export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  document.body.removeChild(a);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name without characters Windows refuses. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, '_').slice(0, 120) || '情况说明';
}
