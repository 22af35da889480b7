/**
 * The privacy interfaces this product calls, and WeChat's whole list of them, as data (common/privacy.ts says how
 * they are used; a test reads the client's code against them).
 */
export interface PrivacyApi {
  /** The wx API the client calls. */
  api: string;
  /** The information it handles, in the guide's words. */
  info: string;
  /** Why, as the guide tells the user. */
  purpose: string;
}

export const PRIVACY_APIS: readonly PrivacyApi[] = [
  { api: 'chooseMedia', info: '选中的照片或视频信息', purpose: '在工作记录、企业诉求和申请中附上现场照片（选填，从不要求上传照片）' },
  { api: 'chooseMessageFile', info: '选中的文件', purpose: '组织员从微信聊天中选择股室、人员、企业、项目名录的 Excel 文件导入' },
  { api: 'setClipboardData', info: '剪切板', purpose: '复制邀请码发给本人，复制测评回执编号以便核对' },
];

/**
 * WeChat's privacy-scoped APIs (the table above, all of them): what the code scan looks for. A call of any of these
 * must be in PRIVACY_APIS.
 */
export const PRIVACY_SCOPED = [
  'getUserInfo',
  'getUserProfile',
  'getLocation',
  'getFuzzyLocation',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'choosePoi',
  'chooseLocation',
  'chooseAddress',
  'chooseInvoiceTitle',
  'chooseInvoice',
  'getWeRunData',
  'chooseLicensePlate',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'startRecord',
  'joinVoIPChat',
  'createVKSession',
  'openBluetoothAdapter',
  'createBLEPeripheralServer',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'addPhoneContact',
  'addPhoneRepeatCalendar',
  'addPhoneCalendar',
  'setClipboardData',
  'getClipboardData',
  'getRecorderManager',
] as const;
