export default definePageConfig({ navigationBarTitleText: '考事评分' });
