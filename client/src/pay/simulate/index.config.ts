export default definePageConfig({ navigationBarTitleText: '绩效奖金' });
