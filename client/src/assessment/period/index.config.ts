export default definePageConfig({ navigationBarTitleText: '季度考核' });
