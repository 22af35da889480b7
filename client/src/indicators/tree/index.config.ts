export default definePageConfig({ navigationBarTitleText: '指标分解' });
