import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { READ_PERMISSION } from '../plugin-id';
import { EntriesPage } from './EntriesPage';
import { EntryPage } from './EntryPage';

/** The audit page's routes; a direct visit without the read permission shows "no access". */
export const App = () => (
  <Page.Protect permissions={[READ_PERMISSION]}>
    <Routes>
      <Route index element={<EntriesPage />} />
      <Route path=":id" element={<EntryPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
