export default definePageConfig({ navigationBarTitleText: '园区看板', enablePullDownRefresh: true });
