export default definePageConfig({ navigationBarTitleText: '季度小结' });
