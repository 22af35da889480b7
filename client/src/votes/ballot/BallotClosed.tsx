import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { PAGES } from '../../common/pages';

/** Nothing to fill in: this voter has voted, or the campaign is over. */
export function BallotClosed({ title, voted }: { title: string; voted: boolean }) {
  return (
    <View className='page' id='ballot-page'>
      <View className='page-hd'>
        <View className='page-title'>{title}</View>
      </View>
      <View className='cells'>
        <View className='cell' id={voted ? 'ballot-voted' : 'ballot-closed'}>
          <View className='cell-bd'>{voted ? '您已完成本次测评' : '测评已结束，不能再投票'}</View>
        </View>
      </View>
      <View className='btn-area'>
        <Button className='btn btn-default' onClick={() => void Taro.reLaunch({ url: PAGES.votes.list })}>
          返回测评列表
        </Button>
      </View>
    </View>
  );
}
