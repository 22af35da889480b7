export default definePageConfig({ navigationBarTitleText: '申报新指标' });
