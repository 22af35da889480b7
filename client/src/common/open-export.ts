import Taro from '@tarojs/taro';

/**
 * Open an exported file: on the phone, download it and open it with WeChat's document viewer (which can forward
 * or save it); in a browser, save it under its name.
 */
export async function openExport(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.id = 'export-link';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true });
}
