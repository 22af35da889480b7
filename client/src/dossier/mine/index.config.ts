export default definePageConfig({ navigationBarTitleText: '我的绩效档案', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
