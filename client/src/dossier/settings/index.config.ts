export default definePageConfig({ navigationBarTitleText: '档案设置' });
