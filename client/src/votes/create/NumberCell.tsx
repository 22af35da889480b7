import { Input, Text, View } from '@tarojs/components';
import { CreateError } from './CreateError';

/** One number typed in a cell, with its unit and its error below. */
export function NumberCell({
  id,
  label,
  value,
  onInput,
  unit,
  field,
  errors,
}: {
  id: string;
  label: string;
  value: string;
  onInput: (v: string) => void;
  unit: string;
  /** The input path its error is filed under. */
  field: string;
  errors: Record<string, string>;
}) {
  return (
    <>
      <View className='cell'>
        <View className='cell-bd'>{label}</View>
        <Input id={id} className='num-input' type='digit' value={value} maxlength={6} onInput={(e) => onInput(e.detail.value)} />
        <Text className='num-unit'>{unit}</Text>
      </View>
      <CreateError errors={errors} field={field} />
    </>
  );
}
