import { Button, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';

/**
 * A button that opens another page. The guide names "New" and "Edit" as buttons, so they are real
 * <button>s (found by role "button" with the guide's word), not links dressed as buttons.
 */
export function NavigateButton({ to, children, ...props }: ButtonProps & { to: string; children: ReactNode }) {
  const navigate = useNavigate();
  return (
    <Button {...props} onClick={() => void navigate(to)}>
      {children}
    </Button>
  );
}
