export default definePageConfig({ navigationBarTitleText: '年度测评', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
