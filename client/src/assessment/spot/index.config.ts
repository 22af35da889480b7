export default definePageConfig({ navigationBarTitleText: '不定期抽查' });
