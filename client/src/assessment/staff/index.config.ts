export default definePageConfig({ navigationBarTitleText: '考人评分' });
