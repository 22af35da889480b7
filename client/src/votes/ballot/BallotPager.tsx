import { Button, Text, View } from '@tarojs/components';

/** 上一页 / 下一页 through the candidates shown; nothing when they fit on one page. */
export function BallotPager({ at, pages, onPage }: { at: number; pages: number; onPage: (page: number) => void }) {
  if (pages <= 1) return null;
  return (
    <View className='pager'>
      <Button className='btn btn-default btn-mini' id='ballot-prev' disabled={at === 0} onClick={() => onPage(at - 1)}>
        上一页
      </Button>
      <Text id='ballot-page-no'>
        {at + 1} / {pages}
      </Text>
      <Button className='btn btn-default btn-mini' id='ballot-next' disabled={at >= pages - 1} onClick={() => onPage(at + 1)}>
        下一页
      </Button>
    </View>
  );
}
