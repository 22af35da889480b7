export default definePageConfig({ navigationBarTitleText: '年度排名', enablePullDownRefresh: true });
