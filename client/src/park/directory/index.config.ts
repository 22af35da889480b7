export default definePageConfig({ navigationBarTitleText: '园区名录' });
