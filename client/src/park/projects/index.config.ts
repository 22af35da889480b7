export default definePageConfig({ navigationBarTitleText: '认领重点项目' });
