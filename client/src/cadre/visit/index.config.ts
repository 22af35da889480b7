export default definePageConfig({ navigationBarTitleText: '记录企业走访' });
