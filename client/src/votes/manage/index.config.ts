export default definePageConfig({ navigationBarTitleText: '测评管理' });
