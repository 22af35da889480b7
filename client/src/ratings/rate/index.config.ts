export default definePageConfig({ navigationBarTitleText: '企业评价' });
