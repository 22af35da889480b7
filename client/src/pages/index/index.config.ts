export default definePageConfig({ navigationBarTitleText: '标尺' });
