export default definePageConfig({ navigationBarTitleText: '我的考核清单', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
