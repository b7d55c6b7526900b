'use client';
// The invitee's answer: yes / no / maybe, number of people, a note. Errors next to each field,
// every value kept on error.
import { useActionState } from 'react';
import type { FormState } from '@/components/forms/form-state';

interface Texts {
  question: string;
  answerYES: string;
  answerNO: string;
  answerMAYBE: string;
  people: string;
  peopleHint: string;
  note: string;
  submit: string;
}

export function MeetingAnswerForm({ action, initial, texts }: { action: (state: FormState, formData: FormData) => Promise<FormState>; initial: { answer: string; peopleCount: string; note: string }; texts: Texts }) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as FormState);
  const values = { ...initial, ...(state.values as Record<string, string> | undefined) };
  const errors = state.fieldErrors ?? {};
  const errorOf = (name: string) =>
    errors[name]?.length ? (
      <p id={`antwort-${name}-error`} className="field-error">
        {errors[name]!.join(' ')}
      </p>
    ) : null;
  return (
    <form action={formAction} className="space-y-4">
      {state.status === 'error' && state.message ? (
        <p role="alert" className="alert-error">
          {state.message}
        </p>
      ) : null}
      <fieldset aria-describedby={errors.answer?.length ? 'antwort-answer-error' : undefined}>
        <legend className="field-label">{texts.question}</legend>
        {(['YES', 'NO', 'MAYBE'] as const).map((value) => (
          <div key={value} className="flex items-center gap-2">
            <input id={`antwort-${value}`} type="radio" name="answer" value={value} defaultChecked={values.answer === value} className="size-5" />
            <label htmlFor={`antwort-${value}`}>{texts[`answer${value}`]}</label>
          </div>
        ))}
        {errorOf('answer')}
      </fieldset>
      <div className="field">
        <label htmlFor="antwort-people" className="field-label">
          {texts.people}
        </label>
        <p id="antwort-people-hint" className="field-hint">
          {texts.peopleHint}
        </p>
        <input
          id="antwort-people"
          name="peopleCount"
          type="number"
          min={1}
          max={50}
          inputMode="numeric"
          defaultValue={values.peopleCount}
          aria-invalid={errors.peopleCount?.length ? true : undefined}
          aria-describedby={['antwort-people-hint', errors.peopleCount?.length ? 'antwort-peopleCount-error' : ''].filter(Boolean).join(' ')}
          className="input w-32"
        />
        {errorOf('peopleCount')}
      </div>
      <div className="field">
        <label htmlFor="antwort-note" className="field-label">
          {texts.note}
        </label>
        <textarea id="antwort-note" name="note" rows={3} defaultValue={values.note} aria-describedby={errors.note?.length ? 'antwort-note-error' : undefined} className="input" />
        {errorOf('note')}
      </div>
      <button type="submit" className="btn-primary" disabled={pending}>
        {texts.submit}
      </button>
    </form>
  );
}
