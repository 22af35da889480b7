import { Button, Text, View } from '@tarojs/components';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='loading' id='loading'>
      {text}
    </View>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='error-box' id='error'>
      <Text id='error-text'>{message}</Text>
      {onRetry && (
        <View style={{ marginTop: '12px' }}>
          <Button className='btn btn-default btn-mini' id='retry' onClick={onRetry}>
            重试
          </Button>
        </View>
      )}
    </View>
  );
}

export function ProgressBar({ percent, id }: { percent: number; id?: string }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <View className='progress' id={id}>
      <View className='progress-bar'>
        <View className='progress-inner' style={{ width: `${p}%` }} />
      </View>
      <Text className='progress-pct'>{p}%</Text>
    </View>
  );
}
