export default definePageConfig({ navigationBarTitleText: '我的绩效奖金' });
