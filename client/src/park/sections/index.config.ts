export default definePageConfig({ navigationBarTitleText: '股室' });
