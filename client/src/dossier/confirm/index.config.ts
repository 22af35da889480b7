export default definePageConfig({ navigationBarTitleText: '确认干部走访' });
