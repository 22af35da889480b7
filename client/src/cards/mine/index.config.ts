export default definePageConfig({ navigationBarTitleText: '红黄牌' });
