export default definePageConfig({ navigationBarTitleText: '企业名录' });
