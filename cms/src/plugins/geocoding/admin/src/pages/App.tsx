import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { READ_CENTERS } from '../plugin-id';
import { NeedsCoordinatesPage } from './NeedsCoordinatesPage';

export const App = () => (
  <Page.Protect permissions={[READ_CENTERS]}>
    <Routes>
      <Route index element={<NeedsCoordinatesPage />} />
      <Route path="*" element={<Page.Error />} />
    </Routes>
  </Page.Protect>
);
