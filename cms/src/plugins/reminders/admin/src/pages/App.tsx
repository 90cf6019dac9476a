import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { READ_PERMISSION } from '../plugin-id';
import { DeliveriesPage } from './DeliveriesPage';

export const App = () => (
  <Page.Protect permissions={[READ_PERMISSION]}>
    <Routes>
      <Route index element={<DeliveriesPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
