export default definePageConfig({ navigationBarTitleText: '园区设置' });
