import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * h5 only: a real `<input type="file">` laid over the element `hostId` (Taro's H5 has no chooseMessageFile and its
 * components no file input), created in an effect so that the weapp build never meets it. Transparent and as large
 * as its host, so tapping the host's button opens the browser's file dialog. Renders nothing itself.
 */
export function H5FileInput({ hostId, inputId, accept, onFile }: { hostId: string; inputId: string; accept: string; onFile: (f: File) => void }) {
  const latest = useRef(onFile);
  useLayoutEffect(() => {
    latest.current = onFile;
  });
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5') return undefined;
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.id = inputId;
    input.setAttribute('aria-label', '选择 Excel 文件');
    Object.assign(input.style, { position: 'absolute', left: '0', top: '0', width: '100%', height: '100%', opacity: '0', cursor: 'pointer' });
    const changed = () => {
      const f = input.files?.[0];
      // the same file picked again (after fixing it in Excel) is a change too
      input.value = '';
      if (f) latest.current(f);
    };
    input.addEventListener('change', changed);
    // the page may join the document a moment after its first render: look for the host until it is there
    let tries = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attach = () => {
      const host = document.getElementById(hostId);
      if (host) host.appendChild(input);
      else if (tries++ < 100) timer = setTimeout(attach, 50);
    };
    attach();
    return () => {
      clearTimeout(timer);
      input.removeEventListener('change', changed);
      input.remove();
    };
  }, [hostId, inputId, accept]);
  return null;
}
