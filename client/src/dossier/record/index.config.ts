export default definePageConfig({ navigationBarTitleText: '记录工作实绩' });
