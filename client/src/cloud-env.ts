/**
 * The WeChat Cloud environment id: the ONE place it is set. Replace the placeholder with the id shown in
 * WeChat DevTools → 云开发 → 设置 → 环境 ID before building for a real mini-program.
 */
export const CLOUD_ENV_ID = 'yardstick-prod-xxxx';
