import { Text, type TextProps } from '@mantine/core';

/** One line of user text that may be very long: cut with an ellipsis, whole in the tooltip. */
export function TruncatedText({ children, ...props }: TextProps & { children: string }) {
  return (
    <Text truncate="end" title={children} miw={0} {...props}>
      {children}
    </Text>
  );
}
