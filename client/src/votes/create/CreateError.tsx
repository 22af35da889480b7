import { View } from '@tarojs/components';

/** The message for one field of the set-up form (a dotted input path), where that field is. */
export function CreateError({ errors, field }: { errors: Record<string, string>; field: string }) {
  return errors[field] ? (
    <View className='field-error' id={`create-error-${field.replace(/\./g, '-')}`}>
      {errors[field]}
    </View>
  ) : null;
}
