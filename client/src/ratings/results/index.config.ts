export default definePageConfig({ navigationBarTitleText: '企业评结果', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
