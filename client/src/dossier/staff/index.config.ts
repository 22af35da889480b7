export default definePageConfig({ navigationBarTitleText: '股室人员绩效进度', enablePullDownRefresh: true, backgroundColor: '#EDEDED' });
