export default definePageConfig({ navigationBarTitleText: '走访确认码' });
