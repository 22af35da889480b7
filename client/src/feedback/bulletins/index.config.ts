export default definePageConfig({ navigationBarTitleText: '考核通报' });
