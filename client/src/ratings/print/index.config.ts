export default definePageConfig({ navigationBarTitleText: '打印评价码' });
